package org.takedown.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code @ConfigMapping} interfaces in Java sources and lists the property names they declare, as SmallRye
 * Config names them: methods in kebab-case under the prefix, nested groups as further segments, {@code @WithName}
 * and {@code @WithParentName} honoured, a {@code Map} as a {@code *} segment and a list of groups as {@code [*]}.
 * Reading the sources rather than compiled classes keeps the check true to the code as it is checked out.
 */
final class ConfigMappingScanner {

    private static final Pattern MAPPING = Pattern.compile(
            "@ConfigMapping\\s*\\(\\s*(?:prefix\\s*=\\s*)?\"([^\"]*)\"[^)]*\\)");
    private static final Pattern INTERFACE_HEADER = Pattern.compile("\\binterface\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile(
            "^((?:@[\\w.]+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.<>\\[\\],?\\s]+?)\\s+(\\w+)\\s*\\(\\s*\\)$");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]*)\"");
    private static final Set<String> OPTIONAL = Set.of("Optional", "OptionalInt", "OptionalLong", "OptionalDouble");

    /** Interface bodies by simple name, from every scanned file: groups may live in their own files. */
    private final Map<String, String> interfaces = new HashMap<>();
    private final List<Map.Entry<String, String>> roots = new ArrayList<>();

    static List<String> scan(List<Path> sourceRoots) {
        ConfigMappingScanner scanner = new ConfigMappingScanner();
        for (Path root : sourceRoots) {
            scanner.read(root);
        }
        List<String> properties = new ArrayList<>();
        for (Map.Entry<String, String> mapping : scanner.roots) {
            scanner.collect(mapping.getKey(), mapping.getValue(), properties, 0);
        }
        return properties;
    }

    /** The same over Java source given as text, for tests of the scanner itself. */
    static List<String> scanSource(String... sources) {
        ConfigMappingScanner scanner = new ConfigMappingScanner();
        for (String source : sources) {
            scanner.index(source);
        }
        List<String> properties = new ArrayList<>();
        for (Map.Entry<String, String> mapping : scanner.roots) {
            scanner.collect(mapping.getKey(), mapping.getValue(), properties, 0);
        }
        return properties;
    }

    private void read(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> index(Repository.read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(String source) {
        String code = stripComments(source);
        Matcher interfaceMatcher = INTERFACE_HEADER.matcher(code);
        while (interfaceMatcher.find()) {
            int open = code.indexOf('{', interfaceMatcher.end());
            if (open < 0) {
                break;
            }
            interfaces.putIfAbsent(interfaceMatcher.group(1), code.substring(open + 1, closing(code, open)));
        }
        Matcher mapping = MAPPING.matcher(code);
        while (mapping.find()) {
            Matcher header = INTERFACE_HEADER.matcher(code);
            if (header.find(mapping.end())) {
                int open = code.indexOf('{', header.end());
                roots.add(Map.entry(mapping.group(1), code.substring(open + 1, closing(code, open))));
            }
        }
    }

    /** Adds the properties one interface body declares under the prefix. */
    private void collect(String prefix, String body, List<String> out, int depth) {
        if (depth > 10) {
            return;
        }
        Map<String, String> nested = new HashMap<>();
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                int end = closing(body, i);
                Matcher header = INTERFACE_HEADER.matcher(current);
                if (header.find()) {
                    nested.put(header.group(1), body.substring(i + 1, end));
                }
                current.setLength(0); // a nested type, an enum or a default method body: not a property
                i = end;
            } else if (c == ';') {
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        for (String statement : statements) {
            Matcher method = METHOD.matcher(statement.replaceAll("\\s+", " "));
            if (!method.matches()) {
                continue;
            }
            String annotations = method.group(1);
            String type = method.group(2).strip();
            if (type.startsWith("static ") || type.startsWith("default ") || type.equals("void")) {
                continue;
            }
            Matcher withName = WITH_NAME.matcher(annotations);
            String segment = annotations.contains("@WithParentName") ? ""
                    : withName.find() ? withName.group(1) : kebab(method.group(3));
            property(join(prefix, segment), type, nested, out, depth);
        }
    }

    private void property(String name, String type, Map<String, String> nested, List<String> out, int depth) {
        String raw = rawType(type);
        List<String> arguments = typeArguments(type);
        if (OPTIONAL.contains(raw) && arguments.size() <= 1) {
            if (arguments.size() == 1) {
                property(name, arguments.get(0), nested, out, depth);
            } else {
                out.add(name);
            }
        } else if (raw.equals("Map") && arguments.size() == 2) {
            property(name + ".*", arguments.get(1), nested, out, depth);
        } else if ((raw.equals("List") || raw.equals("Set")) && arguments.size() == 1 && group(arguments.get(0), nested) != null) {
            collect(name + "[*]", group(arguments.get(0), nested), out, depth + 1);
        } else if (group(type, nested) != null) {
            collect(name, group(type, nested), out, depth + 1);
        } else {
            out.add(name);
        }
    }

    private String group(String type, Map<String, String> nested) {
        String simple = rawType(type);
        simple = simple.substring(simple.lastIndexOf('.') + 1);
        return nested.containsKey(simple) ? nested.get(simple) : interfaces.get(simple);
    }

    private static String rawType(String type) {
        int lt = type.indexOf('<');
        return (lt < 0 ? type : type.substring(0, lt)).strip();
    }

    private static List<String> typeArguments(String type) {
        int lt = type.indexOf('<');
        if (lt < 0) {
            return List.of();
        }
        String inner = type.substring(lt + 1, type.lastIndexOf('>'));
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(inner.substring(start, i).strip());
                start = i + 1;
            }
        }
        arguments.add(inner.substring(start).strip());
        return arguments;
    }

    /** SmallRye's default naming: {@code pollInterval} becomes {@code poll-interval}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2").toLowerCase();
    }

    private static String join(String prefix, String segment) {
        if (segment.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? segment : prefix + "." + segment;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }

    /**
     * Drops comments, and neutralises braces, parentheses and semicolons inside string and character literals, so
     * that a default such as {@code "http://x;y"} cannot upset the scan.
     */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < source.length() && source.charAt(i) != c) {
                    char inner = source.charAt(i);
                    if (inner == '\\' && i + 1 < source.length()) {
                        out.append('_');
                        i += 2;
                        continue;
                    }
                    out.append("{}();".indexOf(inner) >= 0 ? '_' : inner);
                    i++;
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
