package ml.sdn.incubation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** AGETIC cohorts, incubatees, coaching sessions and milestones. */
@SpringBootApplication
public class IncubationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncubationServiceApplication.class, args);
    }
}
