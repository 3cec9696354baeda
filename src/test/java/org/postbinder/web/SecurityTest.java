package org.postbinder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbinder.job.JobBusyException;
import org.postbinder.schedule.RunControl;
import org.postbinder.web.Views.JobView;
import org.postbinder.web.Views.RunDetail;
import org.postbinder.web.Views.RunView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may do what, through the real security filter chains of {@code serve}: form login and CSRF
 * for the page, HTTP Basic for the API, roles, the login throttle and the security headers. The
 * jobs and runs behind the controllers are mocks; the users are real (BCrypt hashes below).
 */
@ServeSliceTest
@TestPropertySource(properties = {
        "postbinder.serve.users[1].name=otto",
        // BCrypt (cost 4) of "otto-secret"
        "postbinder.serve.users[1].password-hash=$2a$04$QZL5WxECYck1wTJcBEKrj.81z9A4MfrQoF/PYFs/T3VdVEj5cmBPG",
        "postbinder.serve.users[1].role=OPERATOR",
        "postbinder.serve.max-failed-logins=3",
        "postbinder.serve.login-lockout=15m",
        "postbinder.output.dir=target/security-test-output"})
class SecurityTest {

    private static final String RUN = "20261201-120000";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RunViews views;

    @MockitoBean
    RunControl control;

    @BeforeEach
    void someJobWithARun() {
        RunView run = new RunView("demo", RUN, "run", "COMPLETED", false, false,
                OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 12, 1, 12, 1, 0, 0, ZoneOffset.UTC), 60L, 10, 1, 8, 0, "COMPLETED", "", 1);
        JobView job = new JobView("demo", "Demo blog", "jobs/demo.yml", null, null, null, run);
        when(views.jobs()).thenReturn(List.of(job));
        when(views.job("demo")).thenReturn(Optional.of(job));
        when(views.runs(anyString(), anyInt())).thenReturn(List.of(run));
        when(views.run("demo", RUN)).thenReturn(Optional.of(new RunDetail(run, List.of(), List.of(), List.of(), List.of())));
    }

    // --- the page: form login ------------------------------------------------------------------

    @Test
    void anAnonymousVisitorOfThePageIsSentToTheLoginPage() throws Exception {
        // when / then
        mvc.perform(get("/"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void theLoginPageIsPublic() throws Exception {
        // when / then
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(view().name("login"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(unauthenticated());
    }

    @Test
    void theFormLoginWithTheRightPasswordLogsTheUserIn() throws Exception {
        // when / then
        mvc.perform(formLogin("/login").user("vera").password("vera-secret"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("vera").withRoles("VIEWER"));
    }

    @Test
    void theFormLoginWithAWrongPasswordGoesBackToTheLoginPageWithAnError() throws Exception {
        // when / then
        mvc.perform(loginForm("vera", "wrong").with(from("10.0.1.1")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    // --- the page: roles and CSRF --------------------------------------------------------------

    @Test
    void aViewerCanGetThePages() throws Exception {
        // when / then
        mvc.perform(get("/").with(viewer()))
                .andExpect(status().isOk()).andExpect(view().name("jobs"));
        mvc.perform(get("/jobs/demo").with(viewer()))
                .andExpect(status().isOk()).andExpect(view().name("job"));
        mvc.perform(get("/jobs/demo/runs/" + RUN).with(viewer()))
                .andExpect(status().isOk()).andExpect(view().name("run"));
    }

    @Test
    void aViewerIsNotShownTheRunNowButtonButAnOperatorIs() throws Exception {
        // when
        String seenByViewer = mvc.perform(get("/jobs/demo").with(viewer())).andReturn().getResponse().getContentAsString();
        String seenByOperator = mvc.perform(get("/jobs/demo").with(operator())).andReturn().getResponse().getContentAsString();

        // then
        assertThat(seenByViewer).contains("vera").doesNotContain("Run now");
        assertThat(seenByOperator).contains("otto").contains("Run now").contains("name=\"_csrf\"");
    }

    @Test
    void aViewerCannotStartARun() throws Exception {
        // when / then
        mvc.perform(post("/jobs/demo/runs").with(viewer()).with(csrf()))
                .andExpect(status().isForbidden());
        verify(control, never()).startNow(any());
    }

    @Test
    void anOperatorCannotStartARunWithoutACsrfToken() throws Exception {
        // when / then
        mvc.perform(post("/jobs/demo/runs").with(operator()))
                .andExpect(status().isForbidden());
        verify(control, never()).startNow(any());
    }

    @Test
    void anOperatorStartsARunAndIsSentToItsPage() throws Exception {
        // given
        when(control.startNow("demo")).thenReturn(RUN);

        // when / then
        mvc.perform(post("/jobs/demo/runs").with(operator()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/jobs/demo/runs/" + RUN))
                .andExpect(flash().attribute("message", "Run " + RUN + " started."));
        verify(control).startNow("demo");
    }

    // --- the API: HTTP Basic, roles, problem details -------------------------------------------

    @Test
    void anAnonymousApiCallIsAskedForBasicCredentials() throws Exception {
        // when / then
        mvc.perform(get("/api/jobs"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Basic ")))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.containsString("realm=\"postbinder\"")));
    }

    @Test
    void aViewerCanReadTheApi() throws Exception {
        // when / then
        mvc.perform(get("/api/jobs").with(httpBasic("vera", "vera-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("demo"));
    }

    @Test
    void aViewerCannotStartARunThroughTheApi() throws Exception {
        // when / then
        mvc.perform(post("/api/jobs/demo/runs").with(httpBasic("vera", "vera-secret")))
                .andExpect(status().isForbidden());
        verify(control, never()).startNow(any());
    }

    @Test
    void anOperatorStartsARunThroughTheApiAndGetsItsLocation() throws Exception {
        // given
        when(control.startNow("demo")).thenReturn(RUN);

        // when / then
        mvc.perform(post("/api/jobs/demo/runs").with(httpBasic("otto", "otto-secret")))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/jobs/demo/runs/" + RUN))
                .andExpect(jsonPath("$.run").value(RUN))
                .andExpect(jsonPath("$.state").value("started"));
        verify(control).startNow("demo");
    }

    @Test
    void theApiNeedsNoCsrfTokenAndSetsNoSessionCookie() throws Exception {
        // given
        when(control.startNow("demo")).thenReturn(RUN);

        // when
        MvcResult result = mvc.perform(post("/api/jobs/demo/runs").with(httpBasic("otto", "otto-secret")))
                .andExpect(status().isAccepted()).andReturn();

        // then
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void aRunOfABusyJobIsAConflictProblemDetail() throws Exception {
        // given
        when(control.startNow("demo")).thenThrow(new JobBusyException("job demo is running"));

        // when / then
        mvc.perform(post("/api/jobs/demo/runs").with(httpBasic("otto", "otto-secret")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value("job demo is running"));
    }

    @Test
    void aJobNameOfTheWrongShapeIsNotFound() throws Exception {
        // when / then
        mvc.perform(get("/api/jobs/BAD..NAME").with(httpBasic("vera", "vera-secret")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(post("/api/jobs/BAD..NAME/runs").with(httpBasic("otto", "otto-secret")))
                .andExpect(status().isNotFound());
        verify(views, never()).job("BAD..NAME");
        verify(control, never()).startNow(any());
    }

    // --- the login throttle --------------------------------------------------------------------

    @Test
    void failedBasicLoginsFromOneAddressAreThrottled() throws Exception {
        // given: max-failed-logins (3) wrong passwords from one address
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/jobs").with(httpBasic("otto", "guess-" + i)).with(from("10.0.2.1")))
                    .andExpect(status().isUnauthorized());
        }

        // when: even the right password
        MvcResult locked = mvc.perform(get("/api/jobs").with(httpBasic("otto", "otto-secret")).with(from("10.0.2.1")))
                .andExpect(status().isTooManyRequests())
                .andReturn();

        // then
        long retryAfter = Long.parseLong(locked.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        mvc.perform(get("/api/jobs").with(httpBasic("otto", "otto-secret")).with(from("10.0.2.2")))
                .andExpect(status().isOk());
    }

    @Test
    void fewerFailedLoginsThanTheLimitDoNotThrottle() throws Exception {
        // given
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/jobs").with(httpBasic("otto", "guess-" + i)).with(from("10.0.3.1")))
                    .andExpect(status().isUnauthorized());
        }

        // when / then
        mvc.perform(get("/api/jobs").with(httpBasic("otto", "otto-secret")).with(from("10.0.3.1")))
                .andExpect(status().isOk());
    }

    @Test
    void aThrottledAddressThatUsesTheLoginFormIsSentBackToTheLoginPageSayingSo() throws Exception {
        // given
        for (int i = 0; i < 3; i++) {
            mvc.perform(loginForm("otto", "guess-" + i).with(from("10.0.4.1")))
                    .andExpect(redirectedUrl("/login?error"));
        }

        // when / then: the form POST as the servlet container has it (DispatcherServlet mapped to "/")
        mvc.perform(loginForm("otto", "otto-secret").with(from("10.0.4.1")).with(servletPathAsInTomcat()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?locked"))
                .andExpect(unauthenticated());
    }

    // --- security headers ----------------------------------------------------------------------

    @Test
    void aPageIsServedWithTheSecurityHeaders() throws Exception {
        // when / then
        mvc.perform(get("/").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void theLoginPageIsServedWithTheSecurityHeaders() throws Exception {
        // when / then
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    /** The login form's POST, as the browser sends it (with the page's CSRF token). */
    private static MockHttpServletRequestBuilder loginForm(String name, String password) {
        return post("/login").param("username", name).param("password", password).with(csrf());
    }

    private static RequestPostProcessor viewer() {
        return user("vera").roles("VIEWER");
    }

    private static RequestPostProcessor operator() {
        return user("otto").roles("OPERATOR");
    }

    /** A client address of its own, so that one test's failed logins never throttle another's. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /**
     * MockMvc leaves the servlet path empty; Tomcat, with Spring Boot's DispatcherServlet mapped to
     * "/", puts the whole path there.
     */
    private static RequestPostProcessor servletPathAsInTomcat() {
        return request -> {
            MockHttpServletRequest mock = request;
            mock.setServletPath(mock.getRequestURI().substring(mock.getContextPath().length()));
            mock.setPathInfo(null);
            return mock;
        };
    }
}
