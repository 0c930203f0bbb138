# expect: DKL5002
FROM debian:12 AS build
