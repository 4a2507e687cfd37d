#!/bin/sh
echo flush
