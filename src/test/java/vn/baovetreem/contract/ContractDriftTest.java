package vn.baovetreem.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Contract;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build breaks when code and contract drift: every JAX-RS endpoint in the compiled classes is
 * an operation of the contract, and every operation there has an endpoint.
 */
class ContractDriftTest {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");

    @Test
    void everyEndpointIsInTheContractAndEveryOperationIsImplemented() throws Exception {
        assertThat(endpointsInCode()).isEqualTo(Contract.operations());
    }

    @Test
    void everyOperationStatesItsRolesAndScopeAndHasAnOperationId() {
        OpenAPI api = new OpenAPIV3Parser().read(Api.CONTRACT);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            assertThat(op.getOperationId()).as("%s %s operationId", method, path).isNotBlank();
            assertThat(op.getDescription()).as("%s %s description", method, path).contains("**Roles:**").contains("**Scope:**");
            assertThat(op.getResponses()).as("%s %s responses", method, path).containsKeys("401", "403", "500");
        }));
    }

    private static Set<String> endpointsInCode() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        Set<String> endpoints = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ContractDriftTest.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (var http : METHODS.entrySet()) {
                        if (method.isAnnotationPresent(http.getKey())) {
                            Path sub = method.getAnnotation(Path.class);
                            endpoints.add(http.getValue() + " " + root.value() + (sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        }
        return endpoints;
    }
}
