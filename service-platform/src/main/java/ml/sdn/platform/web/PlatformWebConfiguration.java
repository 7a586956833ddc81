package ml.sdn.platform.web;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.security.CallerArgumentResolver;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.util.List;
import java.util.Locale;

/** French first, English on request; the {@code Caller} parameter; problem details; whoami. */
@Configuration(proxyBeanMethods = false)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, WhoAmIController.class})
public class PlatformWebConfiguration implements WebMvcConfigurer {

    public static final Locale DEFAULT_LOCALE = Locale.FRENCH;

    static {
        // a Caller comes from the verified token, never from the request: keep it out of the API documents
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.FRENCH, Locale.ENGLISH));
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        return resolver;
    }

    /** Before security, so an oversized body is refused whoever sends it (tokens travel in headers). */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${sdn.web.max-request-size}") DataSize maxRequestSize,
            @Value("${sdn.web.max-upload-size}") DataSize maxUploadSize,
            Environment environment, ProblemWriter problems) {
        // a YAML list: @Value cannot read one, the Binder can
        List<String> uploadPaths = Binder.get(environment)
                .bind("sdn.web.upload-paths", Bindable.listOf(String.class)).orElse(List.of());
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(maxRequestSize.toBytes(), maxUploadSize.toBytes(), uploadPaths, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * A number or a boolean where a body expects text is refused (400 naming the field) instead of being
     * turned into text: {@code {"city": 12345}} is a client's mistake, not a city called "12345".
     */
    @Bean
    JsonMapperBuilderCustomizer strictTextFields() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Tomcat's own refusals (an address it cannot decode) as problems too, not its HTML error page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper, MessageSource messageSource, LocaleResolver localeResolver) {
        return new ProblemWriter(jsonMapper, messageSource, localeResolver);
    }
}
