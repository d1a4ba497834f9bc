package io.channelhub.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
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
// before Boot's error controller, which backs off when this one's exists
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class ChannelHubSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain channelHubSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            @Value("${channelhub.security.public-paths:}") List<String> publicPaths,
            @Value("${channelhub.security.token.issuer:}") String issuer,
            @Value("${channelhub.security.token.audiences:}") List<String> audiences,
            @Value("${channelhub.security.token.clock-skew:PT30S}") Duration clockSkew) throws Exception {
        JwtDecoder decoder = TokenRules.checking(requireDecoder(decoders), issuer, audiences, clockSkew);
        ProblemResponses problems = new ProblemResponses();
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll();
                    requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(PartyKind.OPERATOR.name());
                    requests.requestMatchers("/error").permitAll();
                    publicPaths.forEach(path -> requests.requestMatchers(path).permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder)
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

    /** A request Spring Security's firewall refuses (a ';', an encoded '/' or '%', a '..' segment...). */
    @Bean
    RequestRejectedHandler channelHubRequestRejected() {
        return (request, response, e) -> HttpProblems.write(request, response, HttpServletResponse.SC_BAD_REQUEST,
                HttpProblems.code(HttpServletResponse.SC_BAD_REQUEST), "Malformed request",
                HttpProblems.detail(HttpServletResponse.SC_BAD_REQUEST));
    }

    @Bean
    ProblemErrorController channelHubErrorController() {
        return new ProblemErrorController();
    }

    /** Tomcat's own error report (an HTML page) replaced: what the container refuses is a problem too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> channelHubContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
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
