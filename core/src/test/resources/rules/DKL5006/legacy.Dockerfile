FROM scratch
# expect: DKL5006 "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format"
ENV testkey value
# expect: DKL5006 "\"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format"
LABEL key value
ENV testkey=value
LABEL key=value
