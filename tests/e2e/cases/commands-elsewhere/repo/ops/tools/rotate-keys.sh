#!/bin/sh
echo rotating
