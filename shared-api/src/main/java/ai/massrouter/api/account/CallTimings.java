package ai.massrouter.api.account;

/**
 * How long the upstream that answered a gateway call took, in milliseconds from the moment it was
 * asked: to its first output ({@code firstTokenMillis}, streams only, else null) and to its last
 * byte ({@code totalMillis}). Null on charges metered elsewhere and on events recorded before it.
 */
public record CallTimings(Long firstTokenMillis, Long totalMillis) {
}
