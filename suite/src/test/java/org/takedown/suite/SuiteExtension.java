package org.takedown.suite;

import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives end-to-end tests the running suite: the stack named by {@code TAKEDOWN_SUITE_URLS} (for example
 * {@code docker compose up -d}), or else the local suite started once for the whole test run as separate processes.
 */
public class SuiteExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SuiteEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class).suite;
    }

    /** Closed by JUnit when the whole run ends, which stops every process the suite started. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        final SuiteEndpoints suite;

        Running() {
            suite = RemoteSuite.fromEnvironment().<SuiteEndpoints>map(remote -> remote).orElseGet(() -> {
                Path root = Takedown.repositoryRoot();
                return LocalSuite.start(new LocalSuite.Options(root, root.resolve("suite/target/e2e"), false,
                        new PrintStream(System.out, true)));
            });
        }

        @Override
        public void close() {
            if (suite instanceof LocalSuite local) {
                local.close();
            }
        }
    }
}
