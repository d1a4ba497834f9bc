package io.channelhub.localstack.services;

import org.springframework.context.ConfigurableApplicationContext;

/** A started service: its name, where it listens, and the context to close it with. */
public record RunningService(String name, int port, ConfigurableApplicationContext context) {

    public String url(String path) {
        return "http://localhost:" + port + path;
    }
}
