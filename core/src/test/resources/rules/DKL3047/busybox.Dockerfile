# BusyBox wget has no --progress: nothing to suggest
FROM alpine:3.20
RUN wget https://example.com/big_file.tar
FROM python:3.12-alpine AS py
RUN wget https://example.com/big_file.tar
FROM py
RUN wget https://example.com/big_file.tar
