package org.takedown.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM an instance runs on and its options: a small initial heap, two malloc arenas (docs/operations.md, "JVM
 * settings"), and a class archive so that a start maps its classes instead of loading and linking them again. On
 * JDK 25 or newer the archive is an AOT cache (JEP 483/514/515), on older JDKs a dynamic AppCDS archive; both are
 * recorded by the first start of a jar, written when that instance stops, and used by every later start.
 */
record InstanceJvm(Path javaHome, int featureVersion, Path archiveDirectory) {

    /** The JDK the instances run on: {@code TAKEDOWN_JAVA_HOME} (a JDK 25 for the AOT cache), else the launcher's. */
    static InstanceJvm of(Map<String, String> launcherEnvironment, Path archiveDirectory) {
        String configured = launcherEnvironment.get("TAKEDOWN_JAVA_HOME");
        Path home = Path.of(configured == null || configured.isBlank() ? System.getProperty("java.home") : configured);
        return new InstanceJvm(home, featureVersion(home), archiveDirectory);
    }

    /**
     * The same as the images' (Dockerfile.jvm). Without -Xms the initial heap is 1/64 of the machine's memory, which
     * start-up garbage touches and keeps resident. The trim gives back to the system what glibc's heap kept of the
     * start-up's native memory (the JIT compilers' arenas, mostly) once the instance idles.
     */
    static final List<String> MEMORY_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx384m",
            "-XX:TrimNativeHeapInterval=2000");

    /** Fewer glibc malloc arenas: each thread that allocates natively would otherwise get its own 64 MB arena. */
    static final Map<String, String> MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    boolean aotCache() {
        return featureVersion >= 25;
    }

    Path archive(String instance) {
        return archiveDirectory.resolve(instance + (aotCache() ? ".aot" : ".jsa"));
    }

    /** Whether this start records the archive: there is none yet, or the jar was rebuilt after it was written. */
    boolean records(String instance, Path jar) {
        Path archive = archive(instance);
        try {
            return !Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The option that makes this JVM map an archive it wrote. */
    String mapping(Path archive) {
        return (aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
    }

    List<String> command(String instance, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(MEMORY_OPTIONS);
        Path archive = archive(instance);
        if (records(instance, jar)) {
            command.add((aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
        } else {
            command.add(mapping(archive));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    /** From the JDK's {@code release} file, which every JDK since 9 has. */
    static int featureVersion(Path javaHome) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        } catch (IOException e) {
            // fall through: not a JDK we can tell
        }
        throw new IllegalStateException("Cannot tell the Java version of " + javaHome + " (no release file)");
    }
}
