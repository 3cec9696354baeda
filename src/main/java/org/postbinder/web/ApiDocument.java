package org.postbinder.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the JSON API, generated from the controllers and served at
 * {@code /api/openapi.json} (settings {@code springdoc.*} in application.yaml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocument {

    private static final String BASIC = "basic";

    @Bean
    OpenAPI postbinderApi() {
        return new OpenAPI()
                .info(new Info().title("Postbinder API").version("1")
                        .description("Jobs, runs and archives of a Postbinder server. Viewers may read and download;"
                                + " operators may also start, restart and stop runs.")
                        .license(new License().name("AGPL-3.0").url("https://www.gnu.org/licenses/agpl-3.0.html")))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
