package ml.sdn.e2e.containers;

import ml.sdn.e2e.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link PlatformContainers} once for every test class of the run that uses it (the root store
 * closes it at the end) and hands tests a {@link Platform} on the gateway container, or the containers.
 */
public final class ContainerPlatform implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        containers(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Platform.class || type == PlatformContainers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PlatformContainers containers = containers(context);
        return parameter.getParameter().getType() == Platform.class ? containers.platform() : containers;
    }

    private static PlatformContainers containers(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(PlatformContainers.class, key -> {
                    PlatformContainers containers = new PlatformContainers();
                    try {
                        containers.start();
                    } catch (RuntimeException e) {
                        containers.close();
                        throw e;
                    }
                    return containers;
                }, PlatformContainers.class);
    }
}
