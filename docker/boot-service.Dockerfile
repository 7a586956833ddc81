# The one image recipe of the platform's Spring Boot modules (the four services, the portal, the gateway),
# built from the Boot jar Maven leaves in the module's target/ (./mvnw -B package -pl <module> -am), with the
# module's directory as build context:
#   docker build -f docker/boot-service.Dockerfile --build-arg MODULE=registration-service --build-arg PORT=8081 registration-service
# docker-compose.yml gives every module its MODULE and PORT; docker/offline/containers.sh builds the same way.
# BASE_IMAGE is overridable so an offline host can build from a local Java image.
ARG BASE_IMAGE=eclipse-temurin:17-jre

# Split the fat jar into Boot's layers: dependencies change rarely, so a rebuild after a code
# change only replaces the small application layer.
FROM ${BASE_IMAGE} AS layers
# the module whose jar this is: target/${MODULE}.jar
ARG MODULE
WORKDIR /layers
# The extracted jar keeps this name: the entrypoint runs application.jar.
COPY target/${MODULE}.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${BASE_IMAGE}
# the module's server.port (its application.yml default), exposed, probed by the health check and set as
# SERVER_PORT so that the image listens where it is probed
ARG PORT
# A fixed numeric uid, so that "runAsNonRoot" checks can verify it without reading /etc/passwd.
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin sdn
WORKDIR /app
COPY --from=layers --chown=10001:10001 /layers/extracted/dependencies/ ./
COPY --from=layers --chown=10001:10001 /layers/extracted/spring-boot-loader/ ./
COPY --from=layers --chown=10001:10001 /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers --chown=10001:10001 /layers/extracted/application/ ./
USER 10001:10001

EXPOSE ${PORT}
ENV SERVER_PORT=${PORT}
# Heap from the container's memory limit, not the host's; die on OOM so the restart policy acts.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
# Neither curl nor wget is in the base image (nor in a Debian minbase one): bash alone, /dev/tcp and
# read, sends the request and checks the status line; any other status or no answer is unhealthy.
# $SERVER_PORT is the container's, read when the check runs.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$SERVER_PORT && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r _ code _ <&3 && [[ $code == 200 ]]"]
# exec replaces the shell, so the JVM is PID 1 and gets SIGTERM for Boot's graceful shutdown.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar application.jar \"$@\"", "--"]
