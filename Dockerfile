# Build: ./mvnw -DskipTests package   (the runnable jar is app/target/massrouter-exec.jar)
FROM eclipse-temurin:17.0.15_6-jre-jammy
WORKDIR /opt/massrouter
COPY app/target/massrouter-exec.jar massrouter.jar
ENV MASSROUTER_DATA_DIR=/var/lib/massrouter
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/massrouter/massrouter.jar"]
