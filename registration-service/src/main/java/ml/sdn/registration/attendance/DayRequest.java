package ml.sdn.registration.attendance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many people the day can take. */
public record DayRequest(
        @NotNull(message = "{attendance.capacity.required}")
        @Min(value = 1, message = "{attendance.capacity.range}")
        @Max(value = DayRequest.MAX_CAPACITY, message = "{attendance.capacity.range}") Integer capacity) {

    static final int MAX_CAPACITY = 100_000;
}
