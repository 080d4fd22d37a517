package org.takedown.deploycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Renders a kustomization offline with {@code kubectl kustomize}, as an operator's {@code kubectl apply -k} would. */
final class Kustomize {

    private static final boolean AVAILABLE = probe();

    private Kustomize() {
    }

    /** Skips the calling test, saying why, on a machine without kubectl. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(AVAILABLE, "kubectl is not on the PATH: the kustomize rendering checks are SKIPPED. "
                + "Install kubectl (it bundles kustomize) to run them.");
    }

    static String render(Path kustomization) {
        Result result = run("kubectl", "kustomize", kustomization.toString());
        if (result.exitCode != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + result.stderr);
        }
        return result.stdout;
    }

    private static boolean probe() {
        try {
            return run("kubectl", "version", "--client").exitCode == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(String... command) {
        try {
            Path errors = Files.createTempFile("kubectl", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                byte[] stdout = process.getInputStream().readAllBytes();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish");
                }
                return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                        Files.readString(errors));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
