package io.jingsai.api.reference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/reference/aspects")
@Tag(name = "Reference data", description = "Public reference data: aspects and trades")
class AspectController {

    private final AspectRepository aspects;

    AspectController(AspectRepository aspects) {
        this.aspects = aspects;
    }

    @GetMapping
    @Operation(operationId = "listAspects", summary = "The six aspects",
            description = "The six aspects (六个方面) that competition projects serve, in their official order; "
                    + "public. A project names its aspect by code.")
    Flux<AspectView> list() {
        return aspects.findAllByOrderByPosition().map(row -> new AspectView(row.code(), row.nameZh(), row.nameEn()));
    }
}
