package io.channelhub.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** Every e-mail the rules promise (SPEC N1–N3). Defaults in notification-service.properties; env vars override. */
@SpringBootApplication
@PropertySource("classpath:notification-service.properties")
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
