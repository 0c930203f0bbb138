# test: context=ctx
# the model follows what COPY takes from the build context: tools/ brings a sh
FROM scratch
COPY tools/ /bin/
RUN echo hi
