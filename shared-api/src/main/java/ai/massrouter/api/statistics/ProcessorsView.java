package ai.massrouter.api.statistics;

import java.util.List;

public record ProcessorsView(long head, List<ProcessorView> processors) {
}
