package org.postbinder.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.postbinder.export.OutputProperties;
import org.postbinder.export.PublishedArchives;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The web layer of {@code serve} as the slice tests see it: the page, API and download controllers
 * behind the real security chains, with the real archive listing. Each test adds its users and
 * folders with {@code @TestPropertySource} and mocks what runs jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {PageController.class, ApiController.class, DownloadController.class})
@Import({SecurityConfiguration.class, LoginThrottle.class, PageModel.class, ApiErrors.class, PublishedArchives.class})
@EnableConfigurationProperties({ServeProperties.class, OutputProperties.class})
@TestPropertySource(properties = {
        "spring.main.web-application-type=servlet",
        "postbinder.serve.users[0].name=vera",
        // BCrypt (cost 4, to keep the tests quick) of "vera-secret"
        "postbinder.serve.users[0].password-hash=$2a$04$VjU6HiRiSOkkuZmEmfQIFuInCKOhwVkKxuAUexuXS/Hze/9edyaty",
        "postbinder.serve.users[0].role=VIEWER",
        "postbinder.output.chunk-size=50"})
@interface ServeSliceTest {
}
