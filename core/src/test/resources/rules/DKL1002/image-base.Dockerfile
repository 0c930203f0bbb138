# nothing is known about the image: no finding
FROM gcr.io/distroless/static-debian12
RUN echo hi
