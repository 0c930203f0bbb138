#!/bin/sh
echo lf
