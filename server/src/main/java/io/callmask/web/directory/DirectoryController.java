package io.callmask.web.directory;

import io.callmask.core.directory.Directory;
import io.callmask.core.directory.Order;
import io.callmask.core.directory.Orders;
import io.callmask.core.directory.Retailer;
import io.callmask.core.directory.Retailers;
import io.callmask.core.Ids;
import io.callmask.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/retailers} and {@code /v1/orders}: the platform pushes its directory here. */
@RestController
@Validated
@RequestMapping("/v1")
class DirectoryController {

    private static final String ID = Ids.PATTERN;

    private final Directory directory;
    private final Retailers retailers;
    private final Orders orders;

    DirectoryController(Directory directory, Retailers retailers, Orders orders) {
        this.directory = directory;
        this.retailers = retailers;
        this.orders = orders;
    }

    /** {@code callsPerHour}: this retailer's own limit on calls started per hour; absent: the default. */
    record RetailerRequest(@NotBlank @Size(max = 200) @Pattern(regexp = Ids.TEXT) String name, @NotBlank String phone,
            @Min(1) @Max(1_000_000) Integer callsPerHour) {}

    record RetailerResponse(String id, String name, String phone, Integer callsPerHour, Instant updatedAt) {
        static RetailerResponse of(Retailer r) {
            return new RetailerResponse(r.id(), r.name(), r.phone().e164(), r.callsPerHour(), r.updatedAt());
        }
    }

    record OrderRequest(@NotBlank @Pattern(regexp = ID) String retailerId,
            @Pattern(regexp = ID) String customerId, @NotBlank String customerPhone, @NotBlank String status) {}

    record OrderResponse(String id, String retailerId, String customerId, String customerPhone, String status,
            boolean callable, Instant updatedAt) {
        static OrderResponse of(Order o) {
            // A closed order's phone may have been purged by the retention job: the field is then left out.
            String phone = o.customerPhone() == null ? null : o.customerPhone().e164();
            return new OrderResponse(o.id(), o.retailerId(), o.customerId(), phone,
                    o.status().wire(), o.status().active(), o.updatedAt());
        }
    }

    @PutMapping("/retailers/{id}")
    ResponseEntity<RetailerResponse> putRetailer(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody RetailerRequest body) {
        var saved = directory.putRetailer(id, body.name(), body.phone(), body.callsPerHour());
        return ResponseEntity.status(saved.created() ? 201 : 200).body(RetailerResponse.of(saved.value()));
    }

    @GetMapping("/retailers/{id}")
    RetailerResponse getRetailer(@PathVariable @Pattern(regexp = ID) String id) {
        return RetailerResponse.of(retailers.find(id).orElseThrow(() -> Problem.notFound("retailer", id)));
    }

    @PutMapping("/orders/{id}")
    ResponseEntity<OrderResponse> putOrder(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody OrderRequest body) {
        var saved = directory.putOrder(id, body.retailerId(), body.customerId(), body.customerPhone(), body.status());
        return ResponseEntity.status(saved.created() ? 201 : 200).body(OrderResponse.of(saved.value()));
    }

    @GetMapping("/orders/{id}")
    OrderResponse getOrder(@PathVariable @Pattern(regexp = ID) String id) {
        return OrderResponse.of(orders.find(id).orElseThrow(() -> Problem.notFound("order", id)));
    }
}
