package ai.massrouter.app.web;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.ErrorDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** The one place where an exception becomes an error envelope with its HTTP status. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final ErrorResponder responder;

    public ErrorAdvice(ErrorResponder responder) {
        this.responder = responder;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ErrorEnvelope> domain(DomainException e) {
        return responder.entity(e);
    }

    /** Raised on another node (or wrapped by Axon): the code travels in the exception's details. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ErrorEnvelope> command(CommandExecutionException e, HttpServletRequest request) {
        Object details = e.getDetails().orElse(null);
        if (details instanceof ErrorDetails errorDetails) {
            return responder.entity(errorDetails.toException());
        }
        if (e.getCause() instanceof DomainException domain) {
            return responder.entity(domain);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ErrorEnvelope> completion(CompletionException e, HttpServletRequest request) {
        if (e.getCause() instanceof DomainException domain) {
            return responder.entity(domain);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ErrorEnvelope> aggregateNotFound(AggregateNotFoundException e) {
        return responder.entity(ErrorCode.ERR_004, "Resource not found", Map.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorEnvelope> invalid(MethodArgumentNotValidException e) {
        Map<String, String> details = e.getBindingResult().getFieldErrors().stream()
                .collect(Collectors.toMap(f -> snake(f.getField()), FieldError::getDefaultMessage, (a, b) -> a + "; " + b,
                        LinkedHashMap::new));
        return responder.entity(ErrorCode.ERR_001, "Request validation failed: " + String.join(", ", details.keySet()),
                details);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorEnvelope> invalidParameters(HandlerMethodValidationException e) {
        Map<String, String> details = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> details.put(snake(r.getMethodParameter().getParameterName()),
                r.getResolvableErrors().stream().map(m -> String.valueOf(m.getDefaultMessage()))
                        .collect(Collectors.joining("; "))));
        return responder.entity(ErrorCode.ERR_001, "Request validation failed", details);
    }

    /** A body read by a controller itself (e.g. one that takes two shapes) that does not fit its type. */
    @ExceptionHandler(JsonMappingException.class)
    ResponseEntity<ErrorEnvelope> unmappable(JsonMappingException e) {
        return unreadable(new HttpMessageNotReadableException(e.getOriginalMessage(), e, null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return responder.entity(ErrorCode.SIZE_001, BodyLimitFilter.message(tooLarge.limit()),
                    Map.of("body", "at most " + tooLarge.limit() + " bytes"));
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = cause instanceof InvalidFormatException || cause instanceof MismatchedInputException
                    ? "has the wrong type or format" : "is invalid";
            if (mapping.getCause() instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
                reason = illegal.getMessage();
            }
            return responder.entity(ErrorCode.ERR_001, "Invalid value for " + field, Map.of(field, reason));
        }
        if (cause instanceof JsonProcessingException) {
            return responder.entity(ErrorCode.ERR_001, "Malformed JSON", Map.of("body", "is not valid JSON"));
        }
        return responder.entity(ErrorCode.ERR_001, "A JSON request body is required", Map.of("body", "is required"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e) {
        return responder.entity(ErrorCode.ERR_001, "Missing parameter " + e.getParameterName(),
                Map.of(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e) {
        return responder.entity(ErrorCode.ERR_001, "Missing header " + e.getHeaderName(),
                Map.of(e.getHeaderName(), "is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase();
        return responder.entity(ErrorCode.ERR_001, "Invalid parameter " + e.getName(),
                Map.of(e.getName(), "must be a valid " + type));
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeException e) {
        return responder.entity(ErrorCode.ERR_001, e.getMessage(), Map.of("content_type", "must be application/json"));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorEnvelope> noRoute(Exception e, HttpServletRequest request) {
        return responder.entity(ErrorCode.ERR_004, "No route for " + request.getMethod() + " " + request.getRequestURI(),
                Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return unreadable(new HttpMessageNotReadableException(tooLarge.getMessage(), tooLarge, null));
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responder.entity(ErrorCode.ERR_005, "Internal server error", Map.of());
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
