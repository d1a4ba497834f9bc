package io.channelhub.platform.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error controller (its own JSON or a white-label page): an error the container forwards to
 * its error page (a path Spring Security's firewall refuses, {@code TRACE}, a status set by {@code sendError})
 * answers as an RFC 9457 problem with a stable {@code code} like every other refusal. Never the exception or the
 * path: the edge log has one line for it.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        EdgeLog.refused(request, status, HttpProblems.code(status));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                HttpProblems.detail(status));
        problem.setTitle(HttpProblems.title(status));
        problem.setProperty("code", HttpProblems.code(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
