package io.jingsai.api.boards;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** Freezing an event's public board (封榜): at once, or at a time to come. */
@Schema(name = "BoardFreezeCommand", example = """
        {"at": "2030-05-01T16:30:00Z"}""")
record BoardFreezeCommand(
        @Schema(description = "when to freeze: a time to come schedules the freeze; absent, or not in the future, "
                + "freezes at once") Instant at) {
}
