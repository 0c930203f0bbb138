# expect: DKL5001
FROM golang:1.22 AS builder
RUN go build -o /app .
FROM builder AS test
FROM scratch
COPY --from=Builder /app /app
