package io.channelhub.platform;

import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.web.CommandPublisher;
import io.channelhub.platform.web.MoneyJson;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.StoreLocator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every service that serves HTTP shares: money written one way in JSON, the publisher of commands submitted
 * over HTTP, and for a service that runs a topology, interactive queries (the store locator, the forwarder to the
 * instance that holds a key).
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnBean(StreamsRunner.class)
    StoreLocator storeLocator(StreamsRunner runner, ChannelHubProperties props,
            @Value("${spring.kafka.streams.properties.application.server:}") String applicationServer) {
        return new StoreLocator(runner, applicationServer, props.serviceName());
    }

    /** Spring's JSON mapper registers every module bean. */
    @Bean
    MoneyJson moneyJson() {
        return new MoneyJson();
    }

    /** For commands that arrive over HTTP; its producer is created on first use only. */
    @Bean
    CommandPublisher commandPublisher(KafkaProperties kafka) {
        return CommandPublisher.create(kafka);
    }

    @Bean
    @ConditionalOnBean(StoreLocator.class)
    PeerForwarder peerForwarder(StoreLocator locator, ChannelHubProperties props,
            @Value("${channelhub.web.forward-timeout:PT5S}") Duration timeout) {
        return new PeerForwarder(locator.self(), timeout, props.serviceName());
    }
}
