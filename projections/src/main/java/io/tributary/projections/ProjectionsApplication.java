package io.tributary.projections;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProjectionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionsApplication.class, args);
    }
}
