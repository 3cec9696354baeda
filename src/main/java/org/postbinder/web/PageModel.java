package org.postbinder.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs to know about who is looking: the name, and whether the buttons are theirs. */
@ControllerAdvice(assignableTypes = PageController.class)
@ConditionalOnWebApplication
class PageModel {

    private static final String OPERATOR_AUTHORITY = "ROLE_" + ServeProperties.Role.OPERATOR.name();

    @ModelAttribute("user")
    @Nullable String user(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("operator")
    boolean operator(@Nullable Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> OPERATOR_AUTHORITY.equals(authority.getAuthority()));
    }
}
