package ml.sdn.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * French first; English by a switch that is remembered in the {@code sdn_lang} cookie (a year). The
 * gateway keeps its own cookies to itself, so it hands this one over as the {@code X-Sdn-Lang} header;
 * the cookie is read too when the portal is reached directly (development).
 */
@Configuration(proxyBeanMethods = false)
class Language {

    static final String COOKIE = "sdn_lang";
    static final String HEADER = "X-Sdn-Lang";
    static final Locale FRENCH = Locale.FRENCH;

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String chosen = request.getHeader(HEADER);
                if (chosen == null && request.getCookies() != null) {
                    for (Cookie cookie : request.getCookies()) {
                        if (COOKIE.equals(cookie.getName())) {
                            chosen = cookie.getValue();
                        }
                    }
                }
                return "en".equals(chosen) ? Locale.ENGLISH : FRENCH;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the language is changed through GET /lang");
            }
        };
    }

    @Controller
    static class Switch {

        /** {@code /lang?to=en&back=/applications}: remembers the choice and returns to the page (only this site's). */
        @GetMapping("/lang")
        String switchTo(@RequestParam(defaultValue = "fr") String to, @RequestParam(defaultValue = "/") String back,
                        HttpServletResponse response) {
            String language = "en".equals(to) ? "en" : "fr";
            response.addHeader("Set-Cookie", COOKIE + "=" + language + "; Path=/; Max-Age="
                    + Duration.ofDays(365).toSeconds() + "; SameSite=Lax; HttpOnly");
            return "redirect:" + (isLocalPath(back) ? back : "/");
        }

        /** No open redirect: a path on this site, never {@code //host} or {@code /\host}. */
        static boolean isLocalPath(String back) {
            return back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\") && !back.contains("\r")
                    && !back.contains("\n");
        }
    }
}
