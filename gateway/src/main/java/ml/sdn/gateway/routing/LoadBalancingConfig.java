package ml.sdn.gateway.routing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Spring Cloud LoadBalancer picks, round robin, among the instances {@link ServiceInstances} offers for the route's
 * service ({@code lb://<id>}); a request retried after a failure ({@link RetrySafeRequests}) is not offered the
 * instance it failed on, while another one is in.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = LoadBalancingConfig.PerService.class)
class LoadBalancingConfig {

    /** Created once per service, in that service's load-balancer context (whose parent holds ServiceInstances). */
    static class PerService {

        @Bean
        ServiceInstanceListSupplier configuredInstances(Environment environment, ServiceInstances instances) {
            return new ConfiguredInstances(environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME), instances);
        }
    }

    record ConfiguredInstances(String serviceId, ServiceInstances instances) implements ServiceInstanceListSupplier {

        @Override
        public String getServiceId() {
            return serviceId;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.defer(() -> Flux.just(instances.available(serviceId)));
        }

        @Override
        public Flux<List<ServiceInstance>> get(Request request) {
            if (!(request.getContext() instanceof RequestDataContext context) || context.getClientRequest() == null) {
                return get();
            }
            Object failed = context.getClientRequest().getAttributes().get(RetrySafeRequests.FAILED_INSTANCE_ATTR);
            if (!(failed instanceof ServiceInstance previous)) {
                return get();
            }
            return Flux.defer(() -> {
                List<ServiceInstance> available = instances.available(serviceId);
                List<ServiceInstance> others = available.stream()
                        .filter(instance -> !instance.getInstanceId().equals(previous.getInstanceId())).toList();
                return Flux.just(others.isEmpty() ? available : others);
            });
        }
    }
}
