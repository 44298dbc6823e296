package org.jiandu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JianduApplication {

    public static void main(String[] args) {
        SpringApplication.run(JianduApplication.class, args);
    }
}
