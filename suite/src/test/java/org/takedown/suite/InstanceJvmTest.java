package org.takedown.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceJvmTest {

    @TempDir
    Path dir;

    @Test
    void javaSeventeenRecordsAnAppCdsArchiveThenUsesIt() throws IOException {
        InstanceJvm jvm = InstanceJvm.of(Map.of("TAKEDOWN_JAVA_HOME", jdk("17.0.15").toString()),
                dir.resolve("archives"));
        Path jar = jar(Instant.parse("2026-01-01T00:00:00Z"));

        assertFalse(jvm.aotCache());
        assertTrue(jvm.command("aws", jar).contains("-XX:ArchiveClassesAtExit=" + dir.resolve("archives/aws.jsa")));

        archive(jvm.archive("aws"), Instant.parse("2026-01-02T00:00:00Z"));
        List<String> command = jvm.command("aws", jar);
        assertTrue(command.contains("-XX:SharedArchiveFile=" + dir.resolve("archives/aws.jsa")));
        assertEquals(List.of("-jar", jar.toString()), command.subList(command.size() - 2, command.size()));
        assertTrue(command.containsAll(InstanceJvm.MEMORY_OPTIONS));
    }

    @Test
    void javaTwentyFiveRecordsAnAotCacheThenUsesIt() throws IOException {
        InstanceJvm jvm = InstanceJvm.of(Map.of("TAKEDOWN_JAVA_HOME", jdk("25.0.3").toString()),
                dir.resolve("archives"));
        Path jar = jar(Instant.parse("2026-01-01T00:00:00Z"));

        assertTrue(jvm.aotCache());
        assertTrue(jvm.command("apple", jar).contains("-XX:AOTCacheOutput=" + dir.resolve("archives/apple.aot")));

        archive(jvm.archive("apple"), Instant.parse("2026-01-02T00:00:00Z"));
        assertTrue(jvm.command("apple", jar).contains("-XX:AOTCache=" + dir.resolve("archives/apple.aot")));
    }

    @Test
    void aRebuiltJarRecordsItsArchiveAgain() throws IOException {
        InstanceJvm jvm = InstanceJvm.of(Map.of("TAKEDOWN_JAVA_HOME", jdk("25.0.3").toString()), dir);
        archive(jvm.archive("aws"), Instant.parse("2026-01-02T00:00:00Z"));

        assertTrue(jvm.records("aws", jar(Instant.parse("2026-01-03T00:00:00Z"))));
    }

    @Test
    void withoutTakedownJavaHomeTheLauncherJdkRunsTheInstances() {
        InstanceJvm jvm = InstanceJvm.of(Map.of(), dir);

        assertEquals(Path.of(System.getProperty("java.home")), jvm.javaHome());
        assertEquals(Runtime.version().feature(), jvm.featureVersion());
    }

    @Test
    void aDirectoryThatIsNotAJdkIsRefused() {
        assertThrows(IllegalStateException.class, () -> InstanceJvm.featureVersion(dir));
    }

    private Path jdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Path jar(Instant built) throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(built));
        return jar;
    }

    private static void archive(Path archive, Instant written) throws IOException {
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(written));
    }
}
