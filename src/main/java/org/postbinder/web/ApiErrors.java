package org.postbinder.web;

import java.util.NoSuchElementException;

import org.postbinder.job.JobBusyException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's refusals as RFC 9457 problem details, with the reason in one line. */
@RestControllerAdvice(assignableTypes = ApiController.class)
@ConditionalOnWebApplication
class ApiErrors {

    @ExceptionHandler({NotFoundException.class, NoSuchElementException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A job that is running, a run that completed or is not running: the state forbids it. */
    @ExceptionHandler({JobBusyException.class, IllegalStateException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
