#!/bin/sh
echo one
