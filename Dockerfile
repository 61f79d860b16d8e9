# Build: ./mvnw -DskipTests package   (the jar is app/target/massrouter.jar)
FROM eclipse-temurin:17-jre
WORKDIR /opt/massrouter
COPY app/target/massrouter.jar massrouter.jar
ENV MASSROUTER_DATA_DIR=/var/lib/massrouter
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/massrouter/massrouter.jar"]
