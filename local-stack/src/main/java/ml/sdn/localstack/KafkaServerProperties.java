package ml.sdn.localstack;

import java.nio.file.Path;

/** server.properties of the single-node KRaft broker (broker and controller in one process). */
public final class KafkaServerProperties {

    static final int NODE_ID = 1;

    private KafkaServerProperties() {
    }

    public static String render(int brokerPort, int controllerPort, Path logDir) {
        String broker = StackEndpoints.LOOPBACK + ":" + brokerPort;
        String controller = StackEndpoints.LOOPBACK + ":" + controllerPort;
        return """
                # Written by the local-stack launcher at every start; edits are overwritten.
                process.roles=broker,controller
                node.id=%d
                controller.quorum.bootstrap.servers=%s
                listeners=PLAINTEXT://%s,CONTROLLER://%s
                advertised.listeners=PLAINTEXT://%s,CONTROLLER://%s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%s
                # Topics are declared by the services with their partitions, never created by accident.
                auto.create.topics.enable=false
                num.partitions=1
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # One consumer per group locally: no reason to wait for more members to join.
                group.initial.rebalance.delay.ms=0
                """.formatted(NODE_ID, controller, broker, controller, broker, controller,
                escape(logDir.toAbsolutePath().toString()));
    }

    /** java.util.Properties treats backslashes as escapes (Windows paths). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
