#!/bin/sh
echo failover
