package io.channelhub.transfer.web;

import io.channelhub.transfer.TransferServiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The running service the endpoint tests share: one Spring context on the embedded broker, a fixed clock, and
 * the directory published once, when the first test of a class has the server's port.
 */
@SpringBootTest(classes = TransferServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTransfers.FixedClock.class)
abstract class EndpointTest {

    protected static TestTransfers transfers;

    @LocalServerPort
    int port;

    @BeforeEach
    void directory() {
        if (transfers == null) {
            transfers = new TestTransfers(port).withDirectory();
        }
    }

    @AfterAll
    static void close() {
        if (transfers != null) {
            transfers.close();
            transfers = null;
        }
    }
}
