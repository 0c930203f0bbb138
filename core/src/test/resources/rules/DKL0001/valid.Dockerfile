FROM alpine AS base
ENV DEBUG=1
CMD ["run", "1"]
RUN echo hi
