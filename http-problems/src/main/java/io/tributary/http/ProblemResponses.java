package io.tributary.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Answers a request with a problem from a servlet filter, where Spring MVC's exception handling does not reach. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** The problem's status, the problem+json media type and the problem as the body; headers set before stay. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
