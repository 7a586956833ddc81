package ml.sdn.registration;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a real MongoDB and a real Kafka broker in containers. Runs only where a Docker
 * engine answers; elsewhere JUnit reports it skipped. Images: {@code -Dsdn.test.mongo-image=…},
 * {@code -Dsdn.test.kafka-image=…}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(
            DockerImageName.parse(System.getProperty("sdn.test.mongo-image", "mongo:8.0")).asCompatibleSubstituteFor("mongo"));

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(
            DockerImageName.parse(System.getProperty("sdn.test.kafka-image", "apache/kafka:4.1.2")).asCompatibleSubstituteFor("apache/kafka"));

    static final TestIssuer ISSUER = TestIssuer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void creates_a_profile_against_real_mongodb_and_kafka_and_reports_ready() {
        ServiceApi api = new ServiceApi(port);
        String token = ISSUER.token("participant-ne", "NE", "participant");

        ServiceApi.Response created = api.put("/api/registrations/participants/me", token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        ServiceApi.Response readiness = api.get("/actuator/health/readiness", null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("country").asString()).isEqualTo("NE");
        assertThat(readiness.status()).isEqualTo(200);
    }
}
