package io.channelhub.notification.email;

import io.channelhub.notification.domain.PlannedEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a planned e-mail from its two template files, {@code templates/email/<name>.txt} and {@code .html}. What
 * several templates show alike (the transfer details, the decision links, the reference) lives once in
 * {@code templates/email/shared/}: HTML fragments in {@code fragments.html}, text pieces as whole files, since
 * Thymeleaf's text mode can only insert whole templates.
 */
public final class EmailRenderer {

    /** The text and HTML bodies of one e-mail. */
    public record Rendered(String text, String html) {
    }

    static {
        RecordPropertyAccessor.install();
    }

    private final TemplateEngine engine = new TemplateEngine();

    public EmailRenderer() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    /** The name of every template there is ({@code transfer-completed}, ...): the e-mail counters' label values. */
    public static List<String> templates() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver(EmailRenderer.class.getClassLoader())
                    .getResources("classpath*:templates/email/*.txt")).map(r -> Objects.requireNonNull(
                            r.getFilename()).replaceFirst("\\.txt$", "")).distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list templates/email/", e);
        }
    }

    public Rendered render(PlannedEmail email) {
        Context context = new Context(Locale.ENGLISH, email.model());
        return new Rendered(engine.process(email.template() + ".txt", context),
                engine.process(email.template() + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailRenderer.class.getClassLoader());
        resolver.setPrefix("templates/email/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
