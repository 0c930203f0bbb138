# expect: DKL5001
FROM golang:1.22 AS Builder
RUN go build -o /app .
FROM Builder AS test
FROM scratch
COPY --from=Builder /app /app
