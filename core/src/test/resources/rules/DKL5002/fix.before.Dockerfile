# expect: DKL5002
FROM debian:12 as build
