package io.channelhub.platform.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what, the same in every service (docs/security.md):
 * <ul>
 *   <li>{@code /actuator/health} and {@code /actuator/prometheus}: anyone (probes, scraping); any other actuator
 *       endpoint a deployment exposes: operators;</li>
 *   <li>the service's {@code channelhub.security.public-paths} (decision links, which carry their own signed,
 *       single-use, expiring token): anyone;</li>
 *   <li>everything else: a valid bearer token (OAuth2 resource server, JWT); each controller then decides what
 *       this {@link Caller} may see.</li>
 * </ul>
 * Health shows its details (the Streams state, the mail server) to operators only; probes get the status.
 * Stateless: no session, no cookie. CSRF protection is off because nothing authenticates by cookie: a browser
 * never attaches a bearer token on its own, and a decision link's token is in its own URL.
 */
// before Boot's own: their default filter chains back off when this one exists
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class ChannelHubSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain channelHubSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            @Value("${channelhub.security.public-paths:}") List<String> publicPaths) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll();
                    requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(PartyKind.OPERATOR.name());
                    requests.requestMatchers("/error").permitAll();
                    publicPaths.forEach(path -> requests.requestMatchers(path).permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(requireDecoder(decoders))
                                .jwtAuthenticationConverter(CallerAuthentication.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Closed unless configured: without an issuer to trust, a service would otherwise start and refuse all. */
    private static JwtDecoder requireDecoder(ObjectProvider<JwtDecoder> decoders) {
        JwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            throw new IllegalStateException("No bearer-token issuer is configured. Set "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri (the identity provider's JWKS), "
                    + "...jwt.issuer-uri, or ...jwt.public-key-location (a PEM public key); see docs/security.md.");
        }
        return decoder;
    }

    @Bean
    FilterRegistrationBean<BodyLimit> channelHubBodyLimit(
            @Value("${channelhub.web.max-body-size:16KB}") DataSize limit) {
        FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(new BodyLimit(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before the security filters read anything
        return registration;
    }

    @Bean
    ProblemAdvice channelHubProblemAdvice() {
        return new ProblemAdvice();
    }

    @Bean
    WebMvcConfigurer channelHubEdge() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EdgeGuard());
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
